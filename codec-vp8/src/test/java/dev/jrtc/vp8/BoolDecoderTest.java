package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The boolean decoder reads back what the RFC 6386 section 7.3 encoder wrote. */
class BoolDecoderTest {
    @Test
    void decodesRandomBoolsWithRandomProbabilities() {
        Random rnd = new Random(6386);
        int n = 20000;
        int[] probs = new int[n];
        boolean[] values = new boolean[n];
        BoolEncoder enc = new BoolEncoder();
        for (int i = 0; i < n; i++) {
            probs[i] = 1 + rnd.nextInt(255);
            // Skew values towards what the probability predicts, as real data is.
            values[i] = rnd.nextInt(256) >= probs[i];
            enc.writeBool(probs[i], values[i]);
        }
        byte[] data = enc.finish();
        BoolDecoder dec = new BoolDecoder();
        dec.init(data, 0, data.length);
        for (int i = 0; i < n; i++) {
            assertEquals(values[i] ? 1 : 0, dec.readBool(probs[i]), "bool " + i);
        }
        assertFalse(dec.overran());
    }

    @Test
    void decodesLiteralsMostSignificantBitFirst() {
        BoolEncoder enc = new BoolEncoder();
        enc.writeLiteral(0x5A, 8);
        enc.writeLiteral(3, 2);
        enc.writeLiteral(100, 7);
        enc.writeLiteral(5, 4);
        enc.writeBool(128, true);
        byte[] data = enc.finish();
        BoolDecoder dec = new BoolDecoder();
        dec.init(data, 0, data.length);
        assertEquals(0x5A, dec.readLiteral(8));
        assertEquals(3, dec.readLiteral(2));
        assertEquals(100, dec.readLiteral(7));
        assertEquals(-5, dec.readSigned(4));
    }

    @Test
    void decodesEveryLeafOfTheSubblockModeTree() {
        BoolEncoder enc = new BoolEncoder();
        int[] probs = ModeTables.B_MODE_PROBS;
        for (int round = 0; round < 3; round++) {
            for (int mode = 0; mode < 10; mode++) {
                enc.writeTree(ModeTables.B_MODE_TREE, probs, 0, mode);
            }
        }
        byte[] data = enc.finish();
        BoolDecoder dec = new BoolDecoder();
        dec.init(data, 0, data.length);
        for (int round = 0; round < 3; round++) {
            for (int mode = 0; mode < 10; mode++) {
                assertEquals(mode, dec.readTree(ModeTables.B_MODE_TREE, probs, 0));
            }
        }
    }

    @Test
    void treeLeafZeroStopsTheWalk() {
        // B_PRED is the first leaf of the key-frame Y mode tree; DC_PRED (value 0) sits deeper.
        BoolEncoder enc = new BoolEncoder();
        enc.writeTree(ModeTables.KF_Y_MODE_TREE, ModeTables.KF_Y_MODE_PROBS, 0, ModeTables.DC_PRED);
        enc.writeTree(ModeTables.KF_Y_MODE_TREE, ModeTables.KF_Y_MODE_PROBS, 0, ModeTables.B_PRED);
        enc.writeTree(ModeTables.KF_Y_MODE_TREE, ModeTables.KF_Y_MODE_PROBS, 0, ModeTables.TM_PRED);
        byte[] data = enc.finish();
        BoolDecoder dec = new BoolDecoder();
        dec.init(data, 0, data.length);
        assertEquals(ModeTables.DC_PRED, dec.readTree(ModeTables.KF_Y_MODE_TREE, ModeTables.KF_Y_MODE_PROBS, 0));
        assertEquals(ModeTables.B_PRED, dec.readTree(ModeTables.KF_Y_MODE_TREE, ModeTables.KF_Y_MODE_PROBS, 0));
        assertEquals(ModeTables.TM_PRED, dec.readTree(ModeTables.KF_Y_MODE_TREE, ModeTables.KF_Y_MODE_PROBS, 0));
    }

    @Test
    void readsZerosPastTheEndAndReportsTheOverrun() {
        BoolDecoder dec = new BoolDecoder();
        dec.init(new byte[] {0x00, 0x00}, 0, 2);
        for (int i = 0; i < 16; i++) {
            assertEquals(0, dec.readBit());
        }
        assertFalse(dec.overran(), "the two real bytes are not an overrun");
        for (int i = 0; i < 200; i++) {
            assertEquals(0, dec.readBit(), "zero padding past the end decodes as zeros");
        }
        assertTrue(dec.overran());
    }

    @Test
    void emptyInputDecodesAsZeros() {
        BoolDecoder dec = new BoolDecoder();
        dec.init(new byte[0], 0, 0);
        assertEquals(0, dec.readLiteral(8));
    }
}
