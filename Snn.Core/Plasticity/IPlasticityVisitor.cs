namespace Snn.Core.Plasticity;

/// <summary>Lets an engine build code specialised for a projection's rule struct.</summary>
/// <typeparam name="TResult">What the visitor builds.</typeparam>
public interface IPlasticityVisitor<out TResult>
{
    /// <summary>Visits a projection with rule <typeparamref name="TRule"/>.</summary>
    TResult Visit<TRule>(Projection projection, PlasticitySpec<TRule> spec) where TRule : struct, IPlasticityRule<TRule>;
}
