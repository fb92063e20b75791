namespace Snn.Backends.Engine;

/// <summary>The step loop of every clock-driven engine: the phases of <see cref="IStepPhases"/> in their
/// order, step after step.</summary>
internal static class StepLoop
{
    /// <summary>Runs steps [<paramref name="first"/>, <paramref name="first"/> + <paramref name="steps"/>)
    /// through <paramref name="phases"/>, with step k in delay-ring slot k mod <paramref name="slots"/>.</summary>
    public static void Run(IStepPhases phases, long first, long steps, int slots)
    {
        for (long step = first; step < first + steps; step++)
        {
            int slot = (int)(step % slots);
            phases.Inputs(step, slot);
            phases.PlasticArrivals(step, slot);
            phases.NeuronUpdate(step, slot);
            phases.PostSpikeEvents(step, slot);
            phases.Delivery(step, slot);
            phases.PeriodicUpdates(step, slot);
        }
    }
}
