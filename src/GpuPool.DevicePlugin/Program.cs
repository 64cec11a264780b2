using GpuPool.DevicePlugin.Hosting;
using Microsoft.AspNetCore.Builder;

var builder = WebApplication.CreateBuilder(args);
builder.AddGpuPoolDevicePlugin();
var app = builder.Build();
app.MapGpuPoolDevicePlugin();
await app.RunAsync().ConfigureAwait(false);
