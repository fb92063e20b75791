using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>A state variable of a population to emit after every step, named
/// <c>{Variable}_{population}</c> in the model (for example <c>V_exc</c>, mV).</summary>
/// <param name="Population">A model population (not an input source) of the exported network.</param>
/// <param name="Variable">The variable: V (mV), U, SynE or SynI (pA or nS), as the model carries it.</param>
public sealed record OnnxStateOutput(Population Population, StateVariable Variable);
