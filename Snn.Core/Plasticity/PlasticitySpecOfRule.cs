namespace Snn.Core.Plasticity;

/// <summary>A rule of type <typeparamref name="TRule"/> attached to a projection.</summary>
/// <typeparam name="TRule">The rule struct.</typeparam>
public sealed class PlasticitySpec<TRule> : PlasticitySpec where TRule : struct, IPlasticityRule<TRule>
{
    internal PlasticitySpec(TRule rule, Modulator? modulator)
        : base(modulator)
    {
        TypedRule = rule;
    }

    /// <summary>The rule's parameters.</summary>
    public TRule TypedRule { get; }

    /// <inheritdoc />
    public override IPlasticityRule Rule => TypedRule;

    /// <inheritdoc />
    internal override void AddParametersTo(ref StableHash hash) => hash.Add(TypedRule);

    /// <inheritdoc />
    public override TResult Accept<TResult>(IPlasticityVisitor<TResult> visitor, Projection projection) => visitor.Visit(projection, this);
}
