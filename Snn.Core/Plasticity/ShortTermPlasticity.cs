using Snn.Core.Validation;

namespace Snn.Core.Plasticity;

/// <summary>
/// Tsodyks–Markram short-term depression and facilitation of a projection's synapses, in the form
/// of NEST's <c>tsodyks2_synapse</c> (Tsodyks and Markram 1997, PNAS 94:719; Fuhrmann et al. 2002,
/// J Neurophysiol 87:140; Maass and Markram 2002, Neural Networks 15:155).
/// </summary>
/// <remarks>
/// Each synapse has a release probability u (starts at <see cref="U"/>) and a fraction of available
/// resources x (starts at 1). The first presynaptic spike transmits w·u·x with these initial
/// values. At each later spike, emitted h ms after the previous one, the state is first advanced
/// and then used:
/// <code>
/// x ← 1 + (x − u·x − 1)·exp(−h / TauRec)
/// u ← U + u·(1 − U)·exp(−h / TauFac)        (u ← U when TauFac = 0)
/// transmitted weight = w·u·x
/// </code>
/// so a spike consumes the fraction u of the resources, which recover towards 1 with
/// <see cref="TauRec"/>, and raises the release probability, which relaxes back to U with
/// <see cref="TauFac"/>. The update happens when the spike is emitted; the scaled weight then
/// travels along each synapse's delay. Parameters are per projection, so all synapses of one
/// presynaptic neuron in the projection share u and x, as per-synapse state of NEST's model would
/// for equal parameters. On a plastic projection the transmitted weight is the rule's current
/// weight times u·x at emission.
/// </remarks>
/// <param name="U">Utilisation increment per spike and the release probability at rest (dimensionless, in [0, 1]).</param>
/// <param name="TauRec">Recovery time constant of the resources (ms, &gt; 0).</param>
/// <param name="TauFac">Facilitation time constant (ms, ≥ 0; 0 turns facilitation off).</param>
public readonly record struct ShortTermPlasticity(double U, double TauRec, double TauFac)
{
    /// <summary>When &gt; 0, the state returns to its initial value (u = U, x = 1, no previous spike)
    /// at every multiple of this interval (ms, a whole number of steps; 0, the default, never): the
    /// first spike after a boundary transmits w·U. For networks that present samples back to back in
    /// one simulation with the state reset per sample.</summary>
    public double ResetIntervalMs { get; init; }

    /// <summary>Pure depression: release probability <paramref name="u"/>, recovery <paramref name="tauRec"/> (ms), no facilitation.</summary>
    public static ShortTermPlasticity Depressing(double u, double tauRec) => new(u, tauRec, 0);

    /// <summary>Depression and facilitation with the given parameters (ms).</summary>
    public static ShortTermPlasticity Facilitating(double u, double tauRec, double tauFac) => new(u, tauRec, tauFac);

    /// <summary>The kernel that follows only the last presynaptic spike: U = 1, no facilitation, so
    /// a spike h ms after the previous one transmits w·(1 − exp(−h / <paramref name="tauRec"/>))
    /// and the first one transmits w.</summary>
    public static ShortTermPlasticity LastSpike(double tauRec) => new(1, tauRec, 0);

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        Guard.InRange(U, 0, 1, nameof(U));
        Guard.Positive(TauRec, nameof(TauRec));
        Guard.NonNegative(TauFac, nameof(TauFac));
        Guard.NonNegative(ResetIntervalMs, nameof(ResetIntervalMs));
    }

    /// <inheritdoc />
    public override string ToString()
        => $"Tsodyks-Markram(U={U:R}, TauRec={TauRec:R} ms, TauFac={TauFac:R} ms{(ResetIntervalMs > 0 ? $", reset every {ResetIntervalMs:R} ms" : "")})";
}
