using LlmMultiChat.ApiHost.Accounts;
using LlmMultiChat.ApiHost.Cluster;
using LlmMultiChat.ApiHost.Conversations;
using LlmMultiChat.ApiHost.Hosting;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddSiloHosting(builder.Configuration);
builder.Services.AddApi(builder.Configuration);

var app = builder.Build();

app.UseServiceDefaults();
app.UseApi();
app.MapDefaultEndpoints();

var api = app.MapGroup("/api/v1");
api.MapClusterApi();
api.MapAccountsApi();
api.MapAdminApi();
api.MapConversationsApi();
api.MapConversationEventsApi();

app.Run();
