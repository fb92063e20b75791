namespace Snn.Datasets;

/// <summary>
/// One address event: a spike of a sensor element at a time. Event cameras (N-MNIST, DVS
/// Gesture) fill <see cref="X"/>, <see cref="Y"/> and <see cref="Polarity"/>; one-dimensional
/// sources such as the cochlea model of SHD/SSC put the channel in <see cref="X"/> and leave
/// <see cref="Y"/> at 0 and <see cref="Polarity"/> ON. The flat channel index is given by
/// <see cref="SensorSize.ChannelOf(in SpikeEvent)"/>.
/// </summary>
/// <param name="TimeUs">Time of the event in microseconds (µs) from the start of the recording or sample.</param>
/// <param name="X">Column (or channel of a one-dimensional sensor), from 0.</param>
/// <param name="Y">Row, from 0 (0 for one-dimensional sensors).</param>
/// <param name="Polarity">True for an ON event (brightness increase), false for OFF.</param>
public readonly record struct SpikeEvent(long TimeUs, int X, int Y = 0, bool Polarity = true);
