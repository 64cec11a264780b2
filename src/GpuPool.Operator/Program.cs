using GpuPool.Operator.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGpuPoolOperator(builder.Configuration);
var port = builder.Configuration.GetValue<int?>($"{OperatorOptions.Section}:HttpPort") ?? new OperatorOptions().HttpPort;
builder.WebHost.UseUrls($"http://0.0.0.0:{port}");

var app = builder.Build();
app.MapGpuPoolOperatorEndpoints();
await app.RunAsync();
