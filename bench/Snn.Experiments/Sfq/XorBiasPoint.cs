using Snn.Backends.Sfq;

namespace Snn.Experiments.Sfq;

/// <summary>One point of a bias sweep: the bias scale and the XOR evaluation there.</summary>
/// <param name="BiasScale">Bias relative to nominal.</param>
/// <param name="Evaluation">The four patterns at that bias.</param>
public sealed record XorBiasPoint(double BiasScale, XorEvaluation Evaluation);
