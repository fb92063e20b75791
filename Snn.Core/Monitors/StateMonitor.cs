using Snn.Core.Models;

namespace Snn.Core.Monitors;

/// <summary>Samples one state variable of some neurons every <see cref="IntervalSteps"/> steps,
/// after the step's update.</summary>
public sealed class StateMonitor : NeuronMonitor
{
    internal StateMonitor(int index, Population population, int[] neurons, StateVariable variable, int intervalSteps)
        : base(index, population, neurons)
    {
        Variable = variable;
        IntervalSteps = intervalSteps;
    }

    /// <summary>The recorded variable.</summary>
    public StateVariable Variable { get; }

    /// <summary>Sampling interval (steps).</summary>
    public int IntervalSteps { get; }
}
