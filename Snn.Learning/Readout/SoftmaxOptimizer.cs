namespace Snn.Learning.Readout;

/// <summary>The gradient method of <see cref="SoftmaxReadout"/>.</summary>
public enum SoftmaxOptimizer
{
    /// <summary>Adam (Kingma &amp; Ba 2015), β₁ 0.9, β₂ 0.999.</summary>
    Adam,

    /// <summary>Adadelta (Zeiler 2012) with a learning rate, as TensorFlow implements it: the step is
    /// lr·√(E[Δ²] + ε)/√(E[g²] + ε)·g, both averages decaying by ρ.</summary>
    Adadelta,
}
