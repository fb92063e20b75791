namespace Snn.Experiments.Nalsm;

/// <summary>The data splits the liquid presents, in the order it presents them.</summary>
public enum LiquidSplit
{
    /// <summary>The training samples.</summary>
    Train,

    /// <summary>The validation samples.</summary>
    Validation,

    /// <summary>The test samples.</summary>
    Test,
}
