namespace Silo.Catalog;

/// <summary>
/// A FIFO queue whose first item lives inline. An activation's queues are nearly always empty or hold one item,
/// so the common case allocates nothing and an idle activation carries no queue objects. Not thread-safe: used
/// under the activation's lock. A mutable struct: keep it in a field and never copy it.
/// </summary>
internal struct SlotQueue<T>
{
    private T _first;
    private bool _hasFirst;
    private Queue<T>? _rest;

    public readonly int Count => (_hasFirst ? 1 : 0) + (_rest?.Count ?? 0);

    public readonly bool IsEmpty => !_hasFirst;

    public void Enqueue(T item)
    {
        if (!_hasFirst)
        {
            _first = item;
            _hasFirst = true;
        }
        else
        {
            (_rest ??= new Queue<T>()).Enqueue(item);
        }
    }

    public readonly bool TryPeek(out T item)
    {
        item = _first;
        return _hasFirst;
    }

    public bool TryDequeue(out T item)
    {
        if (!_hasFirst)
        {
            item = default!;
            return false;
        }

        item = _first;
        if (_rest is { Count: > 0 })
        {
            _first = _rest.Dequeue();
        }
        else
        {
            _first = default!;
            _hasFirst = false;
            _rest = null;
        }

        return true;
    }
}
