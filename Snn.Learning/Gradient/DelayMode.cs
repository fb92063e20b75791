namespace Snn.Learning.Gradient;

/// <summary>How the synapses of a <see cref="DelayNetwork"/> delay their input (the three arms of the
/// ablation of Hammouamri, Khalfaoui-Hassani &amp; Masquelier, ICLR 2024).</summary>
public enum DelayMode
{
    /// <summary>No delays: every synapse transmits in the step its spike arrives (kernel size 1).</summary>
    None,

    /// <summary>Integer delays drawn uniformly in [0, K − 1] steps at initialisation and never trained.</summary>
    FixedRandom,

    /// <summary>Delays learned with DCLS: a Gaussian kernel of learnable position, rounded to integers for evaluation.</summary>
    Learned,
}
