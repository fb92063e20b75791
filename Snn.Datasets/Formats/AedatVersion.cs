namespace Snn.Datasets.Formats;

/// <summary>The AEDAT file versions <see cref="AedatReader"/> reads.</summary>
public enum AedatVersion
{
    /// <summary>AEDAT 2.0 (jAER): '#' header lines, then big-endian (int32 address, int32 timestamp µs) records.</summary>
    Aedat2,

    /// <summary>AEDAT 3.1 (cAER/DV, DVS Gesture): a text header, then little-endian event packets.</summary>
    Aedat31,
}
