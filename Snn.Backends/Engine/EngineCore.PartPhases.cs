namespace Snn.Backends.Engine;

internal sealed partial class EngineCore
{
    /// <summary>The phases of one partition's share of a step: the core's own work and the engine's
    /// <see cref="IEnginePhases"/>, with the partitions meeting at the barrier before delivery.</summary>
    private sealed class PartPhases(EngineCore core, int part, SpinBarrier? barrier) : IStepPhases
    {
        private int _sense;

        public void Inputs(long step, int slot) => core._phases.ApplyCurrents(part, step);

        public void PlasticArrivals(long step, int slot)
        {
            core.ProcessPlasticArrivals(part, step, slot);
            core._phases.AfterPlasticArrivals(part, step, slot);
        }

        public void NeuronUpdate(long step, int slot)
        {
            int buffer = BufferOf(step);
            core._spikeCounts[buffer][part] = core.UpdateNeurons(part, step, slot, core._spikes[buffer][part]);
        }

        public void PostSpikeEvents(long step, int slot)
        {
            int buffer = BufferOf(step);
            var fired = core.Fired(buffer, part);
            core.ProcessPostSpikes(part, step, buffer, fired);
            if (core._recordFired)
            {
                core.Record(core._logs[part], step, fired);
            }
            foreach (var monitor in core._stateRecorders)
            {
                monitor.Sample(part, step, core.State);
            }
        }

        public void Delivery(long step, int slot)
        {
            barrier?.SignalAndWait(ref _sense);
            core._phases.Deliver(part, step, slot, BufferOf(step));
        }

        public void PeriodicUpdates(long step, int slot)
        {
            core.Modulators.Advance(BufferOf(step), part);
            foreach (var plastic in core._plastic)
            {
                plastic.Periodic(part, step, core.ModulatorOf(part, plastic));
            }
            core.SampleWeights(part, step);
        }

        /// <summary>The spike buffer of <paramref name="step"/> (the two alternate).</summary>
        private static int BufferOf(long step) => (int)(step & 1);
    }
}
