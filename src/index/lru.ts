// The view's diff memo still builds `new Lru(capacity)`: that memo is being moved out of the view by
// separate work, and this name should go with it. Every other cache uses lru-cache's LRUCache directly.
import { LRUCache } from 'lru-cache';

export class Lru<K extends {}, V extends {}> extends LRUCache<K, V> {
  constructor(capacity: number) {
    super({ max: capacity });
  }
}
