namespace GpuPool.Prediction.Training;

/// <summary>
/// One training or test sample: the NP of <see cref="Kernel"/> beside <see cref="Partner"/> in
/// co-run row <see cref="Row"/> of the data set. Each row yields two samples (x = A and x = B).
/// The label stays the measured double: as a 32-bit float a measured 0.9 would miss QoS 0.9.
/// </summary>
public sealed record PairSample(int Row, string Kernel, string Partner, float[] Features, double Label);
