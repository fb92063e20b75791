using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>The liquid after initialisation at one astrocyte gain w_A (<see cref="AstrocyteSweep"/>).</summary>
/// <param name="AstrocyteWeight">w_A.</param>
/// <param name="BranchingFactor">Branching factor over the measured presentations.</param>
/// <param name="MeanRateHz">Mean liquid rate over the measured presentations (Hz).</param>
/// <param name="MeanExcitatoryWeight">Mean excitatory liquid weight of W_INI (in [0, 3]).</param>
/// <param name="MeanInhibitoryWeight">Mean inhibitory liquid weight of W_INI (in [−3, 0]).</param>
/// <param name="MeanAbsoluteInputWeight">Mean |input weight| of W_INI (in [0, 3]).</param>
public sealed record AstrocyteSweepPoint(double AstrocyteWeight, double BranchingFactor, double MeanRateHz, double MeanExcitatoryWeight,
    double MeanInhibitoryWeight, double MeanAbsoluteInputWeight);
