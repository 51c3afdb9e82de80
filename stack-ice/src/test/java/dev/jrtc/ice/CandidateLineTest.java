package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 8839 candidate grammar, including what browsers actually send. */
class CandidateLineTest {
    @Test
    void chromeHostCandidateRoundTrips() throws Exception {
        String line = "candidate:842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx raddr 192.168.1.5 rport 61665 "
                + "generation 0 ufrag EsAw network-cost 999";
        Candidate c = Candidate.parse("a=" + line);
        assertEquals(CandidateType.SERVER_REFLEXIVE, c.type());
        assertEquals(1677729535L, c.priority());
        assertEquals("192.168.1.5", c.relatedAddress());
        assertEquals("EsAw", c.extensions().get("ufrag"));
        assertEquals(line, c.toSdpValue());
    }

    @Test
    void mdnsAndTcpCandidates() throws Exception {
        Candidate m = Candidate.parse("candidate:1 1 UDP 2122260223 4b1f4a8e-0e5a-4d63-8c6e-3f0e3f7c2a11.local 54321 typ host");
        assertTrue(m.isMdns());
        assertTrue(m.socketAddress().isEmpty());
        Candidate t = Candidate.parse("candidate:2 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active");
        assertEquals(TcpType.ACTIVE, t.tcpType());
        Candidate v6 = Candidate.parse("candidate:3 1 udp 2122262783 2001:db8::5 5000 typ host");
        assertEquals("2001:db8:0:0:0:0:0:5", v6.socketAddress().orElseThrow().getAddress().getHostAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "candidate:", "candidate:1 1 udp 1 1.2.3.4 5 host", "candidate:1 0 udp 1 1.2.3.4 5 typ host",
        "candidate:1 1 sctp 1 1.2.3.4 5 typ host", "candidate:1 1 udp 1 1.2.3.4 70000 typ host",
        "candidate:1 1 udp 1 1.2.3.4 5 typ bogus", "candidate:1 1 udp 1 1.2.3.4 5 typ host raddr",
        "candidate:1 1 tcp 1 1.2.3.4 5 typ host", "candidate:1 1 udp 99999999999 1.2.3.4 5 typ host",
        "candidate:f@o 1 udp 1 1.2.3.4 5 typ host", "candidate:1 1 udp 1 1.2.3.4 5 typ srflx raddr 1.2.3.4"})
    void malformedLinesAreParseErrors(String line) {
        assertThrows(ParseException.class, () -> Candidate.parse(line));
    }

    @Test
    void literalParsingNeverResolvesNames() {
        assertTrue(IpAddresses.parseLiteral("localhost").isEmpty());
        assertTrue(IpAddresses.parseLiteral("example.com").isEmpty());
        assertTrue(IpAddresses.parseLiteral("1.2.3.256").isEmpty());
        assertEquals("10.0.0.1", IpAddresses.parseLiteral("::ffff:10.0.0.1").orElseThrow().getHostAddress());
    }

    @Test
    void iceServerUrls() throws Exception {
        assertEquals(new IceServerUrl(IceServerUrl.Scheme.TURN, "10.0.0.1", 3478, dev.jrtc.ice.turn.TurnTransport.TCP),
                IceServerUrl.parse("turn:10.0.0.1?transport=tcp"));
        assertEquals(dev.jrtc.ice.turn.TurnTransport.TLS, IceServerUrl.parse("turns:turn.example.org").transport());
        assertEquals(5349, IceServerUrl.parse("turns:turn.example.org").port());
        assertEquals("2001:db8::1", IceServerUrl.parse("stun:[2001:db8::1]:19302").host());
        assertThrows(ParseException.class, () -> IceServerUrl.parse("http://x"));
        assertThrows(ParseException.class, () -> IceServerUrl.parse("stun:x?transport=tcp"));
    }
}
