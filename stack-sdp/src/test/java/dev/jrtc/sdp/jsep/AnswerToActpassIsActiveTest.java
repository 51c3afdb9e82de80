package dev.jrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.Setup;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DTLS role table (RFC 4145, RFC 8842), directly and through a whole answer. */
class AnswerToActpassIsActiveTest {
    @ParameterizedTest(name = "offer {0}: answer {1}")
    @CsvSource({"ACTPASS, ACTIVE", "ACTIVE, PASSIVE", "PASSIVE, ACTIVE", "HOLDCONN, HOLDCONN"})
    void roleTable(Setup offered, Setup answered) {
        assertEquals(answered, SetupNegotiation.answer(Optional.of(offered)));
    }

    @Test
    void missingSetupMeansTheOffererIsActiveSoWeArePassive() {
        assertEquals(Setup.PASSIVE, SetupNegotiation.answer(Optional.empty()));
    }

    @ParameterizedTest(name = "a=setup:{0} in the offer gives a=setup:{1} in the answer")
    @CsvSource({"actpass, ACTIVE", "active, PASSIVE", "passive, ACTIVE"})
    void wholeAnswerCarriesTheRole(String offered, Setup answered) throws ParseException {
        SessionDescription offer = SessionDescription.parse(JsepSdps.dataOffer("a=setup:" + offered));
        SessionDescription answer = AnswerFactory.createAnswer(offer, JsepSdps.LOCAL);
        assertEquals(Optional.of(answered), answer.media().get(0).attributes().setup());
    }

    @Test
    void sessionLevelSetupIsUsedWhenTheSectionHasNone() throws ParseException {
        String offer = JsepSdps.dataOffer("").replace("t=0 0\r\n", "t=0 0\r\na=setup:passive\r\n");
        SessionDescription answer = AnswerFactory.createAnswer(SessionDescription.parse(offer), JsepSdps.LOCAL);
        assertEquals(Optional.of(Setup.ACTIVE), answer.media().get(0).attributes().setup());
    }
}
