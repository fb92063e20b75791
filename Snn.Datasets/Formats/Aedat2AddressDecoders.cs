namespace Snn.Datasets.Formats;

/// <summary>Address layouts of AEDAT 2.0 files written by jAER for common cameras.</summary>
public static class Aedat2AddressDecoders
{
    /// <summary>
    /// The DVS128 (jAER's <c>DVS128</c> extractor): bit 0 = 1 for OFF, x = 127 − bits 1..7,
    /// y = bits 8..14; bit 15 marks an external (special) event, which is not a polarity event.
    /// </summary>
    public static Aedat2AddressDecoder Dvs128 { get; } = static (uint address, out int x, out int y, out bool polarity) =>
    {
        x = 127 - (int)((address >> 1) & 0x7F);
        y = (int)((address >> 8) & 0x7F);
        polarity = (address & 1) == 0;
        return (address & 0x8000) == 0;
    };

    /// <summary>
    /// DAVIS cameras (jAER's DAVIS extractors, e.g. DAVIS240 and DAVIS346): bit 31 = 0 for DVS
    /// events (APS and IMU samples have it set and are not polarity events), polarity = bit 11
    /// (1 = ON), x = bits 12..21, y = bits 22..30 (unflipped; mirror with a transform if needed).
    /// </summary>
    public static Aedat2AddressDecoder Davis { get; } = static (uint address, out int x, out int y, out bool polarity) =>
    {
        x = (int)((address >> 12) & 0x3FF);
        y = (int)((address >> 22) & 0x1FF);
        polarity = ((address >> 11) & 1) == 1;
        return (address & 0x8000_0000) == 0;
    };
}
