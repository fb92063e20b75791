using Snn.Backends.Onnx.Proto;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>One loop-carried state tensor of a population, [batch, size]: its name suffix, element
/// type, the state variable it holds (null for the refractory countdown) and the initial values.</summary>
internal sealed record StateSlot(string Suffix, TensorProto.Types.DataType Type, StateVariable? Variable, float[]? InitialFloat, int[]? InitialInt);
