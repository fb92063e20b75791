namespace Snn.Datasets.Encoders;

/// <summary>How <see cref="LatencyEncoder"/> maps intensity to spike time.</summary>
public enum LatencyMode
{
    /// <summary>t = (1 − x) · T: the brightest value fires at 0, linearly later for dimmer ones.</summary>
    Linear,

    /// <summary>
    /// The time an RC membrane driven by x takes to reach the threshold θ:
    /// t = τ · ln(x / (x − θ)) for x &gt; θ (Gütig &amp; Sompolinsky 2006; snnTorch's latency code).
    /// </summary>
    Logarithmic,
}
