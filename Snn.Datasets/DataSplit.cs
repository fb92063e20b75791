namespace Snn.Datasets;

/// <summary>The partition of a data set.</summary>
public enum DataSplit
{
    /// <summary>The training partition.</summary>
    Train,

    /// <summary>The validation partition (SSC only among the supported sets).</summary>
    Validation,

    /// <summary>The test partition.</summary>
    Test,
}
