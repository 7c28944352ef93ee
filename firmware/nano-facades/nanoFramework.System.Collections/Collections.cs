// Reference facade (compile-only). Mirrors github.com/nanoframework/System.Collections, tag v1.5.75,
// NuGet package nanoFramework.System.Collections 1.5.75 (pins nanoFramework.CoreLibrary 1.17.11; the generic
// List/Dictionary in upstream main are not compiled into this stable-track package).
// Declares only upstream public members at that version; bodies are placeholders, never executed.
// Upstream files: nanoFramework.System.Collections/Collections/{Hashtable,DictionaryEntry,IDictionary,IDictionaryEnumerator,Queue,Stack}.cs
namespace System.Collections
{
    public interface IDictionary : ICollection
    {
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        ICollection Keys { get; }
        ICollection Values { get; }
        object this[object key] { get; set; }
        void Add(object key, object value);
        void Clear();
        bool Contains(object key);
        void Remove(object key);
    }

    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }
        object Value { get; }
        DictionaryEntry Entry { get; }
    }

    [Serializable]
    public class DictionaryEntry
    {
        public object Key;
        public object Value;
        public DictionaryEntry(object key, object value) => throw null;
    }

    [Serializable]
    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() => throw null;
        public Hashtable(int capacity) => throw null;
        public Hashtable(int capacity, float loadFactor) => throw null;
        public object Clone() => throw null;
        public IEnumerator GetEnumerator() => throw null;
        public int Count => throw null;
        public bool IsSynchronized => throw null;
        public object SyncRoot => throw null;
        public void CopyTo(Array array, int arrayIndex) => throw null;
        public bool IsReadOnly => throw null;
        public bool IsFixedSize => throw null;
        public ICollection Keys => throw null;
        public ICollection Values => throw null;
        public object this[object key] { get => throw null; set => throw null; }
        public void Add(object key, object value) => throw null;
        public void Clear() => throw null;
        public bool Contains(object key) => throw null;
        public void Remove(object key) => throw null;
    }

    [Serializable]
    public class Queue : ICollection, ICloneable
    {
        public Queue() => throw null;
        public virtual int Count => throw null;
        public virtual object Clone() => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual void Clear() => throw null;
        public virtual void CopyTo(Array array, int index) => throw null;
        public virtual void Enqueue(object obj) => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
        public virtual object Dequeue() => throw null;
        public virtual object Peek() => throw null;
        public virtual bool Contains(object obj) => throw null;
        public virtual object[] ToArray() => throw null;
    }

    [Serializable]
    public class Stack : ICollection, ICloneable
    {
        public Stack() => throw null;
        public virtual int Count => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual void Clear() => throw null;
        public virtual object Clone() => throw null;
        public virtual bool Contains(object obj) => throw null;
        public virtual void CopyTo(Array array, int index) => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
        public virtual object Peek() => throw null;
        public virtual object Pop() => throw null;
        public virtual void Push(object obj) => throw null;
        public virtual object[] ToArray() => throw null;
    }
}
