namespace Snn.Datasets.Formats;

/// <summary>The contents of an AEDAT file: its version, header and polarity events.</summary>
/// <param name="Version">The file version.</param>
/// <param name="HeaderLines">The text header lines, without line ends.</param>
/// <param name="Events">The polarity events in time order (µs; AEDAT 3.1 times include the packet's overflow).</param>
/// <param name="Sensor">The sensor geometry the events were checked against.</param>
public sealed record AedatRecording(AedatVersion Version, IReadOnlyList<string> HeaderLines, SpikeEvent[] Events, SensorSize Sensor);
