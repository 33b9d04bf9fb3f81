// pdfmake's TextInlines.measure with its style lookups done once per call instead of per word.
//
// pdfmake measures every word as its own item and looks up 22 style properties for each through
// StyleContextStack.getStyleProperty, which pushes the item on the style stack and walks the whole
// stack for each property. Within one measure call the stack does not change, and for an item that
// names no style (and is not a section) a property it does not set itself resolves to what the
// stack resolves it to without the item. So each such property is looked up once per call; an
// item's own values are read directly, and an item naming styles takes pdfmake's own lookup. The
// items are given their fields in pdfmake's order, with pdfmake's fonts, widths and heights.
import { isConstructor, isRecord, method, type Method, type Patch } from './fast-path-kit';
import { patchLayoutRun } from './fast-path-layout-run';

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

function isValue(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** The patch of pdfmake's TextInlines.measure; `stackClass` is its StyleContextStack. */
export function measurePatches(stackClass: unknown, inlinesClass: unknown): Patch[] {
  if (!isConstructor(stackClass) || !isConstructor(inlinesClass)) return [];
  const getStyleProperty = method(stackClass, 'getStyleProperty');
  const getProperty = method(stackClass.prototype, 'getProperty');
  const measure = method(inlinesClass.prototype, 'measure');
  if (getStyleProperty === null || getProperty === null || measure === null) return [];

  const fastMeasure: Method = function (this: unknown, array: unknown, stack: unknown) {
    const pdfDocument = isRecord(this) ? this.pdfDocument : undefined;
    const provideFont = isRecord(pdfDocument) ? method(pdfDocument, 'provideFont') : null;
    const widthOfText = isRecord(this) ? method(this, 'widthOfText') : null;
    if (!Array.isArray(array) || !array.every(isRecord) || !isRecord(stack) || provideFont === null || widthOfText === null) return measure.call(this, array, stack);
    const fromStack = new Map<string, unknown>();
    let plain = true;
    // pdfmake's getStyleProperty, answered from the per-call lookups when the item names no style.
    const style = (item: Record<string, unknown>, property: string, own: unknown, defaultValue: unknown): unknown => {
      if (isValue(own)) return own;
      if (!plain) return getStyleProperty.call(stackClass, item, stack, property, defaultValue);
      let value = fromStack.get(property);
      if (value === undefined && !fromStack.has(property)) {
        value = getProperty.call(stack, property);
        fromStack.set(property, value);
      }
      return isValue(value) ? value : defaultValue;
    };
    if (array.length > 0) {
      const first = array[0];
      plain = !first.style && first.section === undefined;
      const leadingIndent = style(first, 'leadingIndent', first.leadingIndent, 0);
      if (leadingIndent) {
        first.leadingCut = -Number(leadingIndent);
        first.leadingIndent = leadingIndent;
      }
    }
    for (const item of array) {
      plain = !item.style && item.section === undefined;
      const fontName = style(item, 'font', item.font, 'Roboto');
      const bold = style(item, 'bold', item.bold, false);
      const italics = style(item, 'italics', item.italics, false);
      item.font = provideFont.call(pdfDocument, fontName, bold, italics);
      patchLayoutRun(item.font);
      item.alignment = style(item, 'alignment', item.alignment, 'left');
      item.fontSize = style(item, 'fontSize', item.fontSize, 12);
      item.fontFeatures = style(item, 'fontFeatures', item.fontFeatures, null);
      item.characterSpacing = style(item, 'characterSpacing', item.characterSpacing, 0);
      item.color = style(item, 'color', item.color, 'black');
      item.decoration = style(item, 'decoration', item.decoration, null);
      item.decorationColor = style(item, 'decorationColor', item.decorationColor, null);
      item.decorationStyle = style(item, 'decorationStyle', item.decorationStyle, null);
      item.decorationThickness = style(item, 'decorationThickness', item.decorationThickness, null);
      item.background = style(item, 'background', item.background, null);
      item.link = style(item, 'link', item.link, null);
      item.linkToPage = style(item, 'linkToPage', item.linkToPage, null);
      item.linkToDestination = style(item, 'linkToDestination', item.linkToDestination, null);
      item.noWrap = style(item, 'noWrap', item.noWrap, null);
      item.opacity = style(item, 'opacity', item.opacity, 1);
      item.sup = style(item, 'sup', item.sup, false);
      item.sub = style(item, 'sub', item.sub, false);
      if (item.sup || item.sub) item.fontSize = Number(item.fontSize) * 0.58;
      const lineHeight = style(item, 'lineHeight', item.lineHeight, 1);
      const text = item.text;
      item.width = widthOfText.call(this, text, item);
      const font = item.font;
      const fontLineHeight = isRecord(font) ? method(font, 'lineHeight') : null;
      if (fontLineHeight === null) throw new TypeError('item.font.lineHeight is not a function');
      item.height = Number(fontLineHeight.call(font, item.fontSize)) * Number(lineHeight);
      if (!item.leadingCut) item.leadingCut = 0;
      const textString = typeof text === 'string' ? text : String(text);
      if (!style(item, 'preserveLeadingSpaces', item.preserveLeadingSpaces, false)) {
        const leadingSpaces = textString.match(LEADING);
        if (leadingSpaces) item.leadingCut = Number(item.leadingCut) + Number(widthOfText.call(this, leadingSpaces[0], item));
      }
      item.trailingCut = 0;
      if (!style(item, 'preserveTrailingSpaces', item.preserveTrailingSpaces, false)) {
        const trailingSpaces = textString.match(TRAILING);
        if (trailingSpaces) item.trailingCut = widthOfText.call(this, trailingSpaces[0], item);
      }
    }
    return array;
  };
  // Elsewhere (a line's noWrap, a word's wordBreak, a cell's fillColor) pdfmake asks with an item
  // that names no style, often `{}`: pushing it on the stack and popping it again changes nothing.
  const fastGetStyleProperty: Method = function (this: unknown, item: unknown, stack: unknown, property: unknown, defaultValue: unknown) {
    if (!isRecord(item) || !isRecord(stack) || typeof property !== 'string' || item.style || item.section !== undefined) {
      return getStyleProperty.call(this, item, stack, property, defaultValue);
    }
    const own = item[property];
    if (isValue(own)) return own;
    const value = getProperty.call(stack, property);
    return isValue(value) ? value : defaultValue;
  };
  return [
    { target: inlinesClass.prototype, key: 'measure', original: measure, replacement: fastMeasure },
    { target: stackClass, key: 'getStyleProperty', original: getStyleProperty, replacement: fastGetStyleProperty },
  ];
}
