namespace Silo.Runtime.Tests.Grains;

public sealed class DraftState
{
    public string Text { get; set; } = string.Empty;
}

public sealed class DraftGrain([PersistentState("draft")] IPersistentState<DraftState> saved) : Grain, IDraftGrain
{
    private string? _draft;

    public Task SetDraft(string text)
    {
        _draft = text;
        return Task.CompletedTask;
    }

    public Task<string> SavedDraft() => Task.FromResult(saved.State.Text);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_draft is not null)
        {
            saved.State.Text = _draft;
            await saved.WriteStateAsync(cancellationToken);
        }
    }
}
