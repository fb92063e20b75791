namespace Snn.Core.Plasticity;

/// <summary>A rule attached to a projection, with the modulator that gates it (if any).</summary>
public abstract class PlasticitySpec
{
    private protected PlasticitySpec(Modulator? modulator)
    {
        Modulator = modulator;
    }

    /// <summary>The global signal passed to <see cref="IPlasticityRule{TRule}.OnPeriod"/>, or null.</summary>
    public Modulator? Modulator { get; }

    /// <summary>The rule, boxed, for display and validation.</summary>
    public abstract IPlasticityRule Rule { get; }

    /// <summary>Adds the rule's parameters to a fingerprint.</summary>
    internal abstract void AddParametersTo(ref StableHash hash);

    /// <summary>Calls the visitor with the concrete rule type.</summary>
    public abstract TResult Accept<TResult>(IPlasticityVisitor<TResult> visitor, Projection projection);
}
