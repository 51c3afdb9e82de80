package dev.jrtc.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.jrtc.arch.fixture.ImportsNetty;
import dev.jrtc.arch.fixture.OpensASocket;
import dev.jrtc.arch.fixture.ReadsNanoTime;
import dev.jrtc.arch.fixture.ReadsWallClock;
import dev.jrtc.arch.fixture.StartsAThread;
import dev.jrtc.arch.fixture.TakesTimeAsInput;
import dev.jrtc.arch.fixture.UsesAThreadPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The sans-IO rule itself, checked against known-bad and known-good fixture classes. */
class SansIoRuleCatchesViolationsTest {

    private static EvaluationResult evaluate(Class<?> fixture) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixture);
        return SansIoRule.forPackages("dev.jrtc.arch.fixture..").evaluate(classes);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @ValueSource(classes = {ImportsNetty.class, OpensASocket.class, StartsAThread.class,
        UsesAThreadPool.class, ReadsNanoTime.class, ReadsWallClock.class})
    void rejectsACoreThatReachesForTheOutsideWorld(Class<?> fixture) {
        EvaluationResult result = evaluate(fixture);
        assertTrue(result.hasViolation(), fixture.getSimpleName() + " should break the rule");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(fixture.getName()), report);
    }

    @Test
    void acceptsACoreThatTakesTimeAndAddressesAsValues() {
        EvaluationResult result = evaluate(TakesTimeAsInput.class);
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
