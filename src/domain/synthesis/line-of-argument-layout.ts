/**
 * Geometry of the line-of-argument figure (METHOD.md §2.4 (3)), laid out by ELK's layered algorithm (elkjs,
 * the Eclipse Layout Kernel): the levels, top to bottom, are partitions, so each level's third-order
 * constructs sit below the level above; relations are routed orthogonally between the boxes, never through
 * one, and their labels are placed by ELK in the space it keeps for them. Each level is drawn as a band
 * behind its boxes. Box text is wrapped by its measured width (src/domain/figures/text-width.ts). Pure
 * numbers: the server draws the SVG and PNG, and tests check the figure without a browser.
 */
import ELK from 'elkjs/lib/elk.bundled.js'
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js'
import { textWidth } from '../figures/text-width.ts'
import { wrapText } from '../text/wrap.ts'

export interface LayoutLevel {
  id: number
  label: string
}

export interface LayoutNode {
  id: number
  levelId: number
  thirdOrderId: number
  label: string
}

export interface LayoutRelation {
  id: number
  fromNodeId: number
  toNodeId: number
  label: string
}

export interface Band {
  levelId: number
  label: string
  y: number
  height: number
}

export interface Box {
  nodeId: number
  thirdOrderId: number
  x: number
  y: number
  width: number
  height: number
  lines: string[]
}

export interface Point {
  x: number
  y: number
}

export interface Arrow {
  relationId: number
  fromNodeId: number
  toNodeId: number
  /** The route from the source box's edge to the target box's edge, with its bends. */
  points: Point[]
  label: string
  /** The label's box (ELK keeps edges and boxes out of it); text is centred in it. */
  labelBox: { x: number; y: number; width: number; height: number } | null
}

export interface ArgumentFigure {
  width: number
  height: number
  bands: Band[]
  boxes: Box[]
  arrows: Arrow[]
}

export const FIGURE = {
  /** Text of the boxes, and of the relation labels, in px (DejaVu Sans metrics). */
  fontSize: 13,
  labelFontSize: 11,
  bandFontSize: 13,
  lineHeight: 16,
  boxPadding: 10,
  /** Text wider than this wraps; a box is as wide as its widest line. */
  maxTextWidth: 200,
  maxLines: 4,
  /** Room around the boxes of a level inside its band. */
  bandPadding: 14,
  margin: 12,
  emptyBandHeight: 48,
} as const

const elk = new ELK()

/** A node's label wrapped to `maxWidth` pixels, at most `maxLines` lines (the last ends with … if cut). */
export function wrapLabel(text: string, maxWidth: number, maxLines: number): string[] {
  return wrapText(text, (line) => textWidth(line, FIGURE.fontSize) <= maxWidth, { maxLines, longWord: 'cut' })
}

export async function layoutLineOfArgument(
  levels: readonly LayoutLevel[],
  nodes: readonly LayoutNode[],
  relations: readonly LayoutRelation[],
): Promise<ArgumentFigure> {
  const levelIndex = new Map(levels.map((level, index) => [level.id, index]))
  const placed = nodes.filter((node) => levelIndex.has(node.levelId))
  const textOf = new Map(placed.map((node) => [node.id, wrapLabel(node.label, FIGURE.maxTextWidth, FIGURE.maxLines)]))
  const bandLabelWidth =
    Math.max(0, ...levels.map((level) => textWidth(level.label, FIGURE.bandFontSize, true))) + 2 * FIGURE.margin

  const children: ElkNode[] = placed.map((node) => {
    const lines = textOf.get(node.id) ?? []
    return {
      id: `n${node.id}`,
      width: Math.ceil(Math.max(60, ...lines.map((line) => textWidth(line, FIGURE.fontSize))) + 2 * FIGURE.boxPadding),
      height: lines.length * FIGURE.lineHeight + 2 * FIGURE.boxPadding,
      layoutOptions: { 'elk.partitioning.partition': String(levelIndex.get(node.levelId)) },
    }
  })
  // A level with no construct yet keeps its place: an invisible stand-in holds its partition.
  for (const level of levels) {
    if (!placed.some((node) => node.levelId === level.id)) {
      children.push({
        id: `empty${level.id}`,
        width: 1,
        height: FIGURE.emptyBandHeight - 2 * FIGURE.bandPadding,
        layoutOptions: { 'elk.partitioning.partition': String(levelIndex.get(level.id)) },
      })
    }
  }
  const known = new Set(placed.map((node) => node.id))
  const edges: ElkExtendedEdge[] = relations
    .filter((relation) => known.has(relation.fromNodeId) && known.has(relation.toNodeId))
    .map((relation) => ({
      id: `r${relation.id}`,
      sources: [`n${relation.fromNodeId}`],
      targets: [`n${relation.toNodeId}`],
      labels: relation.label
        ? [
            {
              text: relation.label,
              width: Math.ceil(textWidth(relation.label, FIGURE.labelFontSize)) + 6,
              height: FIGURE.labelFontSize + 6,
            },
          ]
        : [],
    }))

  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      // Constructs without relations are still placed by level, not packed beside the rest.
      'elk.separateConnectedComponents': 'false',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(2 * FIGURE.bandPadding + 28),
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': `[top=${FIGURE.bandPadding},left=${bandLabelWidth},bottom=${FIGURE.bandPadding},right=${FIGURE.margin}]`,
    },
    children,
    edges,
  })
  return figureFrom(graph, levels, placed, relations, textOf)
}

function figureFrom(
  graph: ElkNode,
  levels: readonly LayoutLevel[],
  placed: readonly LayoutNode[],
  relations: readonly LayoutRelation[],
  textOf: ReadonlyMap<number, string[]>,
): ArgumentFigure {
  const shapeOf = new Map((graph.children ?? []).map((child) => [child.id, child]))
  const boxes: Box[] = placed.map((node) => {
    const shape = shapeOf.get(`n${node.id}`)
    return {
      nodeId: node.id,
      thirdOrderId: node.thirdOrderId,
      x: shape?.x ?? 0,
      y: shape?.y ?? 0,
      width: shape?.width ?? 0,
      height: shape?.height ?? 0,
      lines: textOf.get(node.id) ?? [],
    }
  })
  const width = graph.width ?? 0
  const bands: Band[] = levels.map((level) => {
    const members = [...shapeOf.values()].filter(
      (shape) =>
        shape.id === `empty${level.id}` ||
        placed.some((node) => node.levelId === level.id && shape.id === `n${node.id}`),
    )
    const top = Math.min(...members.map((shape) => shape.y ?? 0))
    const bottom = Math.max(...members.map((shape) => (shape.y ?? 0) + (shape.height ?? 0)))
    return {
      levelId: level.id,
      label: level.label,
      y: top - FIGURE.bandPadding,
      height: bottom - top + 2 * FIGURE.bandPadding,
    }
  })
  const relationOf = new Map(relations.map((relation) => [`r${relation.id}`, relation]))
  const arrows: Arrow[] = (graph.edges ?? []).flatMap((edge) => {
    const relation = relationOf.get(edge.id)
    if (!relation) return []
    const points = (edge.sections ?? []).flatMap((section) => [
      section.startPoint,
      ...(section.bendPoints ?? []),
      section.endPoint,
    ])
    const label = edge.labels?.[0]
    return [
      {
        relationId: relation.id,
        fromNodeId: relation.fromNodeId,
        toNodeId: relation.toNodeId,
        points: points.map(({ x, y }) => ({ x, y })),
        label: relation.label,
        labelBox:
          label === undefined
            ? null
            : { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 },
      },
    ]
  })
  return { width, height: Math.max(graph.height ?? 0, 60), bands, boxes, arrows }
}
