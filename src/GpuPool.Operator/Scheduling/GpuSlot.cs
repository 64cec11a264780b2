using GpuPool.Contracts;
using GpuPool.Core.Gpus;
using GpuPool.Core.Placement;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// One healthy GPU at snapshot time: its state for the policy (null when it cannot take another
/// job: two jobs on it, or one that must run alone) and the predicted NP of the jobs on it.
/// <see cref="Reservation"/>: the partner the pod on it was written with, when that pair was only
/// half written (a crash between the two pods); the planner completes it before planning anew.
/// <see cref="FreeUnits"/>: percent of the GPU no live pod on the node requests (the kubelet admits
/// no more), so a job joining a running one gets at most this much.
/// </summary>
public sealed record GpuSlot(Gpu Gpu, string? Uuid, GpuState? State, double PredictedNpSum, PartnerReservation? Reservation = null, int FreeUnits = GpuResources.UnitsPerGpu);
