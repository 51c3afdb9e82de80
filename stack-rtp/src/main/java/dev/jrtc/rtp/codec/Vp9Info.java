package dev.jrtc.rtp.codec;

/**
 * The VP9 payload descriptor fields of a frame's first packet (RFC 9628, section 4.2).
 *
 * @param pictureId    7- or 15-bit picture ID, or -1 when absent
 * @param temporalId   TID, or -1 without layer indices
 * @param spatialId    SID of the first layer frame, or -1 without layer indices
 * @param flexibleMode the F bit
 * @param hasScalabilityStructure whether an SS was present
 */
public record Vp9Info(int pictureId, int temporalId, int spatialId, boolean flexibleMode,
                      boolean hasScalabilityStructure) implements CodecInfo {
}
