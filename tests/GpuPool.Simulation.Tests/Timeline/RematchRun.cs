namespace GpuPool.Simulation.Tests.Timeline;

/// <summary>One rematch of <see cref="RematchPredictionTests"/>: predicted and real NP of both jobs, and the fresh prediction of the running one.</summary>
internal sealed record RematchRun(bool SameSetting, double PredictedNewcomer, double Newcomer, double PredictedRunning, double Running, double Fresh);
