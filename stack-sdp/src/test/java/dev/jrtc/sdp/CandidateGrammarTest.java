package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8839 / RFC 6544 candidate grammar: every field, every type, and exact round trips. */
class CandidateGrammarTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "candidate:1215469130 1 udp 2122260223 127.0.0.1 34422 typ host generation 0 network-id 1 network-cost 50",
        "candidate:3067626206 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 network-id 1 network-cost 50",
        "candidate:2297451001 1 udp 2113937151 4279c56e-68ce-4804-bdee-cbaa6d5a82ba.local 60448 typ host generation 0 network-cost 999",
        "candidate:4 1 UDP 2015363583 fe80::b8e7:36ff:fe24:fc64 46020 typ host",
        "candidate:842163049 1 udp 1686052607 198.51.100.7 50123 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag Zx9q network-id 1",
        "candidate:1 1 udp 41885439 2001:db8::50 61234 typ relay raddr 2001:db8::7 rport 50123",
        "candidate:0 2 UDP 2122252542 10.99.0.1 52579 typ host",
        "candidate:a+b/c 256 udp 4294967295 ::ffff:192.0.2.1 65535 typ prflx",
        "candidate:3 1 TCP 1010827519 10.99.0.1 33903 typ host tcptype passive",
        "candidate:9 1 tcp 1010827518 192.0.2.10 33904 typ host tcptype so x-unknown value",
    })
    void canonicalCandidatesRoundTripExactly(String text) throws ParseException {
        assertEquals(text, Candidate.parse(text).toString());
        assertEquals(text.substring("candidate:".length()), Candidate.parse(text).attributeValue());
    }

    @Test
    void fieldsOfAServerReflexiveCandidate() throws ParseException {
        Candidate c = Candidate.parse("a=candidate:842163049 1 udp 1686052607 198.51.100.7 50123 typ srflx "
                + "raddr 10.0.0.2 rport 5000 generation 0 ufrag Zx9q network-id 3 network-cost 10");
        assertEquals("842163049", c.foundation());
        assertEquals(1, c.component());
        assertTrue(c.isUdp());
        assertEquals(1686052607L, c.priority());
        assertEquals("198.51.100.7", c.address());
        assertEquals(50123, c.port());
        assertEquals(Candidate.Type.SRFLX, c.type());
        assertEquals(Optional.of("10.0.0.2"), c.relatedAddress());
        assertEquals(Optional.of(5000), c.relatedPort());
        assertEquals(List.of("generation", "ufrag", "network-id", "network-cost"),
                c.extensions().stream().map(Candidate.Extension::name).toList());
        assertEquals(Optional.of("Zx9q"), c.extension("ufrag"));
        assertEquals(Optional.of("3"), c.extension("network-id"));
    }

    @Test
    void bareValueWithoutPrefixParses() throws ParseException {
        assertEquals(Candidate.Type.RELAY, Candidate.parse("1 1 udp 1 203.0.113.50 3478 typ relay raddr 1.2.3.4 rport 1").type());
    }

    @Test
    void mdnsAndIpv6AreRecognised() throws ParseException {
        Candidate mdns = Candidate.parse("candidate:1 1 udp 1 4279c56e-68ce-4804-bdee-cbaa6d5a82ba.local 60448 typ host");
        assertTrue(mdns.isMdns());
        assertFalse(mdns.isIpv6());
        Candidate v6 = Candidate.parse("candidate:1 1 udp 1 fe80::1%eth0 60448 typ host");
        assertTrue(v6.isIpv6());
        assertFalse(v6.isMdns());
    }

    @Test
    void tcpTypesAreRead() throws ParseException {
        assertEquals(Optional.of(Candidate.TcpType.ACTIVE),
                Candidate.parse("candidate:1 1 tcp 1 10.0.0.1 9 typ host tcptype active").tcpType());
        assertEquals(Optional.of(Candidate.TcpType.PASSIVE),
                Candidate.parse("candidate:1 1 TCP 1 10.0.0.1 9 typ host tcptype passive").tcpType());
        assertEquals(Optional.of(Candidate.TcpType.SO),
                Candidate.parse("candidate:1 1 tcp 1 10.0.0.1 9 typ host tcptype so").tcpType());
        assertTrue(Candidate.parse("candidate:1 1 tcp 1 10.0.0.1 9 typ host").isTcp());
        assertEquals(Optional.empty(), Candidate.parse("candidate:1 1 udp 1 10.0.0.1 9 typ host").tcpType());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "candidate:1 1 udp 1 10.0.0.1 9 typ",                       // no type
        "candidate:1 1 udp 1 10.0.0.1 9 type host",                 // 'typ' misspelt
        "candidate:1 0 udp 1 10.0.0.1 9 typ host",                  // component 0
        "candidate:1 1 udp -1 10.0.0.1 9 typ host",                 // negative priority
        "candidate:1 1 udp 4294967296 10.0.0.1 9 typ host",         // priority over 2^32-1
        "candidate:1 1 udp 1 10.0.0.1 65536 typ host",              // port too big
        "candidate:1 1 udp 1 10.0.0.1 9 typ nat",                   // unknown type
        "candidate:1 1 tcp 1 10.0.0.1 9 typ host tcptype both",     // unknown tcptype
        "candidate:1 1 udp 1 10.0.0.1 9 typ host generation",       // extension without value
        "candidate:1 1 udp 1 10.0.0.1 9 typ srflx raddr x!y rport 1", // bad raddr
        "candidate:1 1 udp 1 1:2:3:4:5:6:7:8:9 9 typ host",         // nine IPv6 groups
        "candidate:1 1 udp 1 a::b::c 9 typ host",                   // two '::'
        "candidate:fffffffffffffffffffffffffffffffff 1 udp 1 10.0.0.1 9 typ host", // 33-char foundation
        "candidate:f-g 1 udp 1 10.0.0.1 9 typ host",                // '-' not an ice-char
        "candidate:1 1 \013dp 1 10.0.0.1 9 typ host",              // control character in transport
        "candidate:1 1 udp 1 10.0.0.1 9 typ host generation \0010",  // control character in extension
    })
    void malformedCandidatesAreParseExceptions(String text) {
        assertThrows(ParseException.class, () -> Candidate.parse(text));
    }

    @Test
    void malformedCandidateInSdpNamesItsLine() {
        ParseException e = assertThrows(ParseException.class,
                () -> Sdps.parse("m=audio 9 UDP/TLS/RTP/SAVPF 0", "a=candidate:1 1 udp 1 10.0.0.1 9 typ nat"));
        assertTrue(e.getMessage().startsWith("line 6: candidate type must be host, srflx, prflx or relay"), e.getMessage());
    }

    @Test
    void candidateBuiltFromFieldsWritesTheLineBrowsersWrite() {
        Candidate c = new Candidate("1", 1, "udp", 2122260223L, "192.0.2.1", 5000, Candidate.Type.HOST,
                Optional.empty(), Optional.empty(), List.of(new Candidate.Extension("generation", "0")));
        assertEquals("a=candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host generation 0", c.toAttribute().line());
    }
}
