using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

/// <summary>Izhikevich 2007's distal-reward experiment, scaled down: 40 Poisson inputs (2 Hz) onto
/// one neuron that fires on its own at 4 Hz, 1000 s. Whenever input 0's spike reaches the neuron and
/// the neuron fires within 10 ms after it, dopamine (+0.5) is released one second later (checked in
/// 50 ms chunks, as closed-loop user code would). Only synapse 0 is consistently eligible at reward
/// time, so only it grows; the others drift down under the tonic dopamine, since random pairings
/// leave a negative mean eligibility (A₋ &gt; A₊).</summary>
public class DistalRewardTests
{
    [Fact]
    public void RewardedSynapseGrowsWhileTheOthersDoNot()
    {
        const int inputs = 40;
        const double delay = 1.0;
        const double rewardDelay = 1000;
        const double initialWeight = 1.0;
        var network = new Network(seed: 5, dt: 1.0);
        var pre = network.AddPoissonInput("inputs", inputs, 2);
        var driver = network.AddPoissonInput("driver", 1, 4);
        var post = network.AddPopulation("post", 1, new LifCurrent { TauSynE = 0.1, RefractoryPeriod = 2 });
        network.Connect(driver, post, Connectivity.AllToAll(), Synapse.Excitatory(1e6));
        var dopamine = network.AddModulator("dopamine", tauMs: 200);
        var rule = new RewardModulatedStdp { APlus = 0.1, AMinus = 0.15, WMax = 4 };
        var plastic = network.Connect(pre, post, Connectivity.AllToAll(), Synapse.Excitatory(initialWeight, delay)).WithPlasticity(rule, dopamine);
        var preSpikes = network.RecordSpikes(pre, [0]);
        var postSpikes = network.RecordSpikes(post);
        using var sim = new CpuBackend().Compile(network);

        var rewards = new Queue<double>();
        double lastArrival = double.NegativeInfinity;
        int rewarded = 0;
        for (int chunk = 0; chunk < 20_000; chunk++)
        {
            double now = sim.TimeMs;
            while (rewards.Count > 0 && rewards.Peek() <= now)
            {
                rewards.Dequeue();
                sim.SetModulator(dopamine, sim.GetModulator(dopamine) + 0.5);
            }
            sim.Run(50);
            var preTimes = sim.GetSpikes(preSpikes, now).Times();
            var postTimes = sim.GetSpikes(postSpikes, now).Times();
            var events = preTimes.Select(t => (Time: t + delay, Post: false)).Concat(postTimes.Select(t => (Time: t, Post: true))).OrderBy(e => e.Time);
            foreach (var (time, isPost) in events)
            {
                if (!isPost)
                {
                    lastArrival = time;
                }
                else if (time - lastArrival is > 0 and <= 10)
                {
                    rewards.Enqueue(time + rewardDelay);
                    rewarded++;
                    lastArrival = double.NegativeInfinity;
                }
            }
        }

        var weights = sim.GetWeights(plastic);
        double othersMean = weights.Skip(1).Average(w => (double)w);
        double othersMax = weights.Skip(1).Max();
        Assert.True(rewarded > 10, $"only {rewarded} rewarded pairings");
        Assert.True(weights[0] > 0.6 * rule.WMax, $"rewarded synapse {weights[0]} after {rewarded} rewards; others mean {othersMean}, max {othersMax}");
        Assert.True(othersMean < initialWeight, $"unrewarded mean {othersMean}");
        Assert.True(weights[0] > othersMax, $"rewarded {weights[0]} vs largest other {othersMax}");
    }
}
