using Snn.Backends.Cpu;
using Snn.Backends.Sfq;
using Snn.Core.Models;

namespace Snn.Experiments.Sfq;

/// <summary>
/// The <c>sfq-vs-cpu</c> comparison: the XOR network of <see cref="SfqXorDesign"/> on
/// <see cref="SfqBackend"/> (stochastic gates, pulse timing, merger collisions) and on
/// <see cref="CpuBackend"/> at dt = 1 ps, where <see cref="SfqNeuron"/> runs its deterministic
/// mean-field update. Differences show what the pulse-level effects (stochasticity, circuit
/// delays, collisions) do to the rate code.
/// </summary>
public static class SfqVsCpu
{
    /// <summary>Runs the four patterns on both engines.</summary>
    /// <param name="design">The design; null for the default.</param>
    /// <param name="technology">The SFQ technology; null for <see cref="SfqXorStudy.DefaultTechnology"/>.</param>
    /// <param name="seed">Seed.</param>
    public static XorBackendComparison[] Compare(SfqXorDesign? design = null, SfqTechnology? technology = null, ulong seed = 1)
    {
        design ??= SfqXorDesign.Default;
        technology ??= SfqXorStudy.DefaultTechnology;
        var rows = new List<XorBackendComparison>();
        foreach (var (a, b) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            double duration = SfqConstants.Ps(design.WindowPs + 2 * design.ClockPeriodPs);
            var sfqNet = SfqXorNetwork.Build(design, a, b, seed);
            using var sfq = new SfqBackend(technology).CompileSfq(sfqNet.Network);
            sfq.Run(duration);
            var cpuNet = SfqXorNetwork.Build(design, a, b, seed);
            using var cpu = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(cpuNet.Network);
            cpu.Run(duration);
            double sfqRate = sfq.GetExactSpikes(sfqNet.OutputSpikes).Count / design.WindowPs * 1000;
            double cpuRate = cpu.GetSpikes(cpuNet.OutputSpikes).Count / design.WindowPs * 1000;
            rows.Add(new XorBackendComparison(a, b, sfqRate, cpuRate, sfq.EventCount, cpu.StepCount));
        }
        return [.. rows];
    }
}
