package dev.jrtc.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.NetworkChannel;
import java.nio.channels.Selector;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * DESIGN.md section 1, rule 5, as code: a sans-IO core takes bytes and time as inputs, so it may not
 * reach for Netty, a socket, a thread or a clock of its own.
 */
final class SansIoRule {
    /** The packages of the sans-IO cores: every {@code stack-*} module and {@code codec-vp8}. */
    static final String[] CORE_PACKAGES = {
        "dev.jrtc.common..", "dev.jrtc.sdp..", "dev.jrtc.ice..", "dev.jrtc.dtls..",
        "dev.jrtc.srtp..", "dev.jrtc.rtp..", "dev.jrtc.sctp..", "dev.jrtc.vp8.."
    };

    private SansIoRule() {
    }

    /** The rule over classes in {@code packages} (ArchUnit package patterns). */
    static ArchRule forPackages(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .orShould().dependOnClassesThat(areSocketsOrChannels())
                .orShould().dependOnClassesThat(areThreadPools())
                .orShould().accessTargetWhere(JavaAccess.Predicates.target(startsOrSleepsAThread()))
                .orShould().accessTargetWhere(JavaAccess.Predicates.target(readsAClock()))
                .because("protocol cores are sans-IO: bytes and time in; bytes, events and deadlines out (DESIGN.md section 1)");
    }

    private static DescribedPredicate<JavaClass> areSocketsOrChannels() {
        return describe("are sockets or socket channels", c -> c.isAssignableTo(Socket.class)
                || c.isAssignableTo(ServerSocket.class)
                || c.isAssignableTo(DatagramSocket.class)
                || c.isAssignableTo(NetworkChannel.class)
                || c.isAssignableTo(Selector.class));
    }

    private static DescribedPredicate<JavaClass> areThreadPools() {
        return describe("are executors or timers that own threads", c -> c.isEquivalentTo(Executors.class)
                || c.isAssignableTo(ThreadPoolExecutor.class)
                || c.isAssignableTo(ForkJoinPool.class)
                || c.isAssignableTo(Timer.class));
    }

    private static DescribedPredicate<AccessTarget> startsOrSleepsAThread() {
        return describe("creates, starts or sleeps a thread", t -> t.getOwner().isAssignableTo(Thread.class)
                && (t.getName().equals("<init>") || t.getName().equals("start") || t.getName().equals("sleep")
                        || t.getName().equals("startVirtualThread") || t.getName().equals("ofPlatform")
                        || t.getName().equals("ofVirtual")));
    }

    private static DescribedPredicate<AccessTarget> readsAClock() {
        return describe("reads a clock", t -> {
            JavaClass owner = t.getOwner();
            String name = t.getName();
            return (owner.isEquivalentTo(System.class) && (name.equals("nanoTime") || name.equals("currentTimeMillis")))
                    || (owner.isEquivalentTo(Instant.class) && name.equals("now"))
                    || (owner.isEquivalentTo(LocalDateTime.class) && name.equals("now"))
                    || (owner.isEquivalentTo(ZonedDateTime.class) && name.equals("now"))
                    || (owner.isAssignableTo(Clock.class) && (name.startsWith("system") || name.equals("millis") || name.equals("instant")))
                    || t.getFullName().equals("java.util.Date.<init>()");
        });
    }
}
