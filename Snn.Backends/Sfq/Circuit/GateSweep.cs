namespace Snn.Backends.Sfq.Circuit;

/// <summary>One circuit sweep of the stochastic gate's bias at one temperature and global bias scale.</summary>
/// <param name="TemperatureK">Temperature (K).</param>
/// <param name="BiasScale">Global bias scale of the interconnect (the drive).</param>
/// <param name="Points">The measured points, by rising bias.</param>
public sealed record GateSweep(double TemperatureK, double BiasScale, IReadOnlyList<GateSweepPoint> Points);
