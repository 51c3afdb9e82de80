package dev.jrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.sdp.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3264 section 6.1: the answer's direction for each offered direction and local wish. */
class DirectionNegotiationTableTest {
    @ParameterizedTest(name = "offer {0}, we want {1}: answer {2}")
    @CsvSource({
        "SENDRECV, SENDRECV, SENDRECV",
        "SENDRECV, SENDONLY, SENDONLY",
        "SENDRECV, RECVONLY, RECVONLY",
        "SENDRECV, INACTIVE, INACTIVE",
        "SENDONLY, SENDRECV, RECVONLY",
        "SENDONLY, RECVONLY, RECVONLY",
        "SENDONLY, SENDONLY, INACTIVE",
        "SENDONLY, INACTIVE, INACTIVE",
        "RECVONLY, SENDRECV, SENDONLY",
        "RECVONLY, SENDONLY, SENDONLY",
        "RECVONLY, RECVONLY, INACTIVE",
        "RECVONLY, INACTIVE, INACTIVE",
        "INACTIVE, SENDRECV, INACTIVE",
        "INACTIVE, SENDONLY, INACTIVE",
        "INACTIVE, RECVONLY, INACTIVE",
        "INACTIVE, INACTIVE, INACTIVE",
    })
    void answerDirection(Direction offered, Direction wish, Direction expected) {
        assertEquals(expected, DirectionNegotiation.answer(offered, wish));
    }
}
