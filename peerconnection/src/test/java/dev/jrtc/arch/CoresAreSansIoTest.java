package dev.jrtc.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when production code of a {@code stack-*} module or {@code codec-vp8} imports
 * Netty, opens a socket, starts a thread or reads a clock. It lives here because peerconnection
 * depends on every core, so all their main classes are on this module's test class path.
 */
class CoresAreSansIoTest {
    @Test
    void noCoreReachesForNettySocketsThreadsOrClocks() {
        String[] roots = Arrays.stream(SansIoRule.CORE_PACKAGES).map(p -> p.replace("..", "")).toArray(String[]::new);
        JavaClasses cores = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(roots);
        for (String root : roots) {
            // Guard against a rule that passes because it saw nothing: every core package is on the class path.
            assertFalse(cores.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(root + "..")).isEmpty(),
                    "no classes of " + root + " were found; is its module a dependency of peerconnection?");
        }
        SansIoRule.forPackages(SansIoRule.CORE_PACKAGES).check(cores);
    }
}
