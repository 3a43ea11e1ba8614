/** The sheets the adapter has seen (by id): names for change events, protection before writes. */
import type { SheetInfo } from "./port";

/** What every sheet-list load asks for (protection options: ExcelApi 1.2). */
export const SHEET_PROPS = "items/name,items/id,items/position,items/protection/protected,items/protection/options";

/** A loaded sheet (SHEET_PROPS, or the same properties on one sheet) as the port describes it. */
export function sheetInfo(s: Excel.Worksheet): SheetInfo {
  const info: SheetInfo = { name: s.name, id: s.id, position: s.position, protected: s.protection.protected };
  if (info.protected && s.protection.options?.allowFormatCells) info.allowFormatCells = true;
  return info;
}

export class SheetRegistry {
  private byId = new Map<string, SheetInfo>();

  /** Replaces the list with the loaded sheets (SHEET_PROPS loaded). */
  remember(items: Excel.Worksheet[]): SheetInfo[] {
    this.byId.clear();
    return items.map((s) => {
      const info = sheetInfo(s);
      this.byId.set(s.id, info);
      return info;
    });
  }

  /** Marks may be painted on this sheet: not protected, or protected with "format cells" allowed. */
  canFormat(name: string): boolean {
    const s = this.find(name);
    return !s || !s.protected || !!s.allowFormatCells;
  }

  find(name: string): SheetInfo | undefined {
    const lower = name.toLowerCase();
    return this.all().find((s) => s.name.toLowerCase() === lower);
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



  /** The sheets among `names` known to be protected. */
  protectedAmong(names: readonly string[]): string[] {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    return this.all()
      .filter((s) => s.protected && wanted.has(s.name.toLowerCase()))
      .map((s) => s.name);
  }
}
