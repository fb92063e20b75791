namespace Snn.Datasets.Formats;

/// <summary>One row of a DVS Gesture <c>*_labels.csv</c> file: a gesture and its time span in the recording.</summary>
/// <param name="Class">The gesture class as written in the file, 1..11 (label = Class − 1).</param>
/// <param name="StartUs">The start time (µs, inclusive), on the recording's clock.</param>
/// <param name="EndUs">The end time (µs, exclusive).</param>
public readonly record struct DvsGestureLabel(int Class, long StartUs, long EndUs);
