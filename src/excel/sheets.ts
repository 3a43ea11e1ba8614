/** The sheets the adapter has seen (by id): names for change events, protection before writes. */
import type { SheetInfo } from "./port";

export class SheetRegistry {
  private byId = new Map<string, SheetInfo>();

  /** Replaces the list with the loaded sheets (name, id, position, protection/protected loaded). */
  remember(items: Excel.Worksheet[]): SheetInfo[] {
    this.byId.clear();
    return items.map((s) => {
      const info: SheetInfo = { name: s.name, id: s.id, position: s.position, protected: s.protection.protected };
      this.byId.set(s.id, info);
      return info;
    });
  }

  set(info: SheetInfo): void {
    this.byId.set(info.id, info);
  }

  nameOf(id: string): string | undefined {
    return this.byId.get(id)?.name;
  }

  all(): SheetInfo[] {
    return [...this.byId.values()];
  }

  noteProtection(name: string, isProtected: boolean): void {
    for (const s of this.byId.values()) if (s.name.toLowerCase() === name.toLowerCase()) s.protected = isProtected;
  }

  /** The sheets among `names` known to be protected. */
  protectedAmong(names: readonly string[]): string[] {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    return this.all()
      .filter((s) => s.protected && wanted.has(s.name.toLowerCase()))
      .map((s) => s.name);
  }
}
