using LlmMultiChat.Grains.Memory;

namespace LlmMultiChat.Grains.Tests.Memory;

/// <summary>Consolidation (spec §3.5: the top 70 % stay) and lessons, per user.</summary>
public sealed class MemoryBankTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly MemoryBank _bank = Loaded(new LongTermMemoryOptions());

    [Fact]
    public void Consolidation_keeps_the_most_important_70_percent_of_the_unconsolidated_and_forgets_the_rest()
    {
        double[] importances = [0.35, 0.9, 0.5, 0.31, 0.6, 0.45, 0.7, 0.4, 0.55, 0.65];
        for (var i = 0; i < importances.Length; i++)
        {
            _bank.Add(Memory($"m{i}", "alice", importances[i]));
        }

        var forgotten = _bank.Consolidate("alice");

        Assert.Equal(3, forgotten);
        Assert.Equal(["m1", "m2", "m4", "m5", "m6", "m8", "m9"], _bank.All.Select(m => m.Id).Order());
        Assert.All(_bank.All, m => Assert.True(m.Consolidated));
        Assert.DoesNotContain(_bank.Recall("alice", Unit(0), 10, s_start), r => r.Memory.Id is "m0" or "m3" or "m7");
    }

    [Fact]
    public void Memories_already_consolidated_are_neither_counted_nor_forgotten_and_the_next_consolidation_sees_only_new_ones()
    {
        for (var i = 0; i < 4; i++)
        {
            _bank.Add(Memory($"kept{i}", "alice", 0.2, consolidated: true));
        }

        for (var i = 0; i < 10; i++)
        {
            _bank.Add(Memory($"new{i}", "alice", 0.3 + (i / 100.0)));
        }

        var first = _bank.Consolidate("alice");
        var second = _bank.Consolidate("alice");

        // Counting the four consolidated ones would keep ceil(14 × 0.7) = 10 and forget 4.
        Assert.Equal(3, first);
        Assert.Equal(0, second);
        Assert.Equal(11, _bank.All.Count());
        Assert.All(Enumerable.Range(0, 4), i => Assert.Contains(_bank.All, m => m.Id == $"kept{i}"));
    }

    [Fact]
    public void Consolidating_one_user_leaves_the_others_untouched()
    {
        for (var i = 0; i < 10; i++)
        {
            _bank.Add(Memory($"a{i}", "alice", 0.3 + (i / 100.0)));
            _bank.Add(Memory($"b{i}", "bob", 0.3 + (i / 100.0)));
        }

        _bank.Consolidate("alice");

        Assert.Equal(7, _bank.All.Count(m => m.UserId == "alice"));
        Assert.Equal(10, _bank.All.Count(m => m.UserId == "bob"));
        Assert.All(_bank.All.Where(m => m.UserId == "bob"), m => Assert.False(m.Consolidated));
    }

    [Fact]
    public void Lessons_are_recalled_by_situation_for_their_user_only_and_the_oldest_go_beyond_the_cap()
    {
        var bank = Loaded(new LongTermMemoryOptions { LessonsPerUser = 2 });
        bank.Add(new Lesson("l1", "alice", "短く答える。", "s", s_start, "m", Unit(0)));
        bank.Add(new Lesson("l2", "alice", "詳しく答える。", "s", s_start.AddMinutes(1), "m", Unit(1)));
        bank.Add(new Lesson("l3", "alice", "例を挙げる。", "s", s_start.AddMinutes(2), "m", Unit(2)));
        bank.Add(new Lesson("b1", "bob", "丁寧に答える。", "s", s_start, "m", Unit(1)));

        var recalled = bank.Lessons("alice", Unit(1), 5);

        Assert.Equal(["l2", "l3"], recalled.Select(l => l.Lesson.Id));
        Assert.Equal(1.0, recalled[0].Relevance, 6);
        Assert.Equal(["b1"], bank.Lessons("bob", Unit(0), 5).Select(l => l.Lesson.Id));
    }

    [Fact]
    public void Changes_are_recorded_until_taken_and_a_failed_save_restores_them_under_newer_ones()
    {
        _bank.Add(Memory("a", "alice", 0.5));
        _bank.Add(Memory("b", "alice", 0.5));
        var first = _bank.TakeChanges();
        _bank.Forget("alice", "a");

        _bank.Restore(first);
        var second = _bank.TakeChanges();

        Assert.Equal(["a", "b"], first.SavedMemories.Select(m => m.Id).Order());
        Assert.Equal(["b"], second.SavedMemories.Select(m => m.Id));
        Assert.Equal([new MemoryRowKey("alice", "a")], second.DeletedMemories);
        Assert.True(_bank.TakeChanges().IsEmpty);
    }

    [Fact]
    public void A_user_not_loaded_cannot_be_read_or_written_and_loading_records_no_change()
    {
        var bank = new MemoryBank(new LongTermMemoryOptions());

        Assert.Throws<InvalidOperationException>(() => bank.MemoriesOf("alice"));
        bank.Load("alice", new UserMemories([Memory("a", "alice", 0.5)], []));

        Assert.Equal(["a"], bank.MemoriesOf("alice").Select(m => m.Id));
        Assert.False(bank.HasChanges);
        Assert.Throws<InvalidOperationException>(() => bank.Load("alice", UserMemories.None));
    }

    private static MemoryBank Loaded(LongTermMemoryOptions options)
    {
        var bank = new MemoryBank(options);
        bank.Load("alice", UserMemories.None);
        bank.Load("bob", UserMemories.None);
        return bank;
    }

    private static LongTermMemory Memory(string id, string userId, double importance, bool consolidated = false) =>
        new(id, userId, id, "msg-" + id, importance, s_start, "m", Unit(0), consolidated);

    private static float[] Unit(int axis)
    {
        var vector = new float[4];
        vector[axis] = 1;
        return vector;
    }
}
