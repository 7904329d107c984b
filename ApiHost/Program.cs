using LlmMultiChat.ApiHost.Accounts;
using LlmMultiChat.ApiHost.Characters;
using LlmMultiChat.ApiHost.Cluster;
using LlmMultiChat.ApiHost.Conversations;
using LlmMultiChat.ApiHost.Hosting;
using LlmMultiChat.ApiHost.Http;
using LlmMultiChat.ApiHost.Hubs;
using LlmMultiChat.ApiHost.Knowledge;
using LlmMultiChat.ApiHost.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddSiloHosting(builder.Configuration);
builder.Services.AddApi(builder.Configuration);
builder.Services.AddChatHub();

var app = builder.Build();

app.UseServiceDefaults();
app.UseApi();
app.MapDefaultEndpoints();
app.MapChatHub();

// Every API route needs a signed-in caller unless it says AllowAnonymous.
var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapClusterApi();
api.MapAccountsApi();
api.MapAdminApi();
api.MapCharactersApi();
api.MapConversationsApi();
api.MapConversationEventsApi();
api.MapKnowledgeApi();

app.Run();
