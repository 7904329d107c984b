using LlmMultiChat.ApiHost.Cluster;
using LlmMultiChat.ApiHost.Hosting;
using LlmMultiChat.ApiHost.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddSiloHosting(builder.Configuration);

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapGroup("/api/v1").MapClusterApi();

app.Run();
