/**
 * A dashed straight edge with an arrow head, for analysts' hypotheses: sigma v3 ships no dashed edge
 * program, so this one reuses sigma's rectangle edge (same attributes and uniforms) with shaders that
 * cut the line into dashes of a fixed length on screen. Picking keeps the whole line, gaps included, so a
 * dashed edge is as easy to click as a solid one.
 */
import { EdgeArrowHeadProgram, EdgeRectangleProgram, createEdgeCompoundProgram } from 'sigma/rendering';

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const float bias = 255.0 / 254.0;

void main() {
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness, 1)).xy, 0, 1);
  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  // Distance from the source, in units that follow the zoom, so dashes keep their length on screen.
  v_along = a_positionCoef * length(a_positionEnd - a_positionStart) / u_correctionRatio / u_zoomRatio;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
const float dash = 9.0;
const float gap = 6.0;

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (mod(v_along, dash + gap) > dash) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

class EdgeDashedLineProgram extends EdgeRectangleProgram {
  getDefinition(): ReturnType<EdgeRectangleProgram['getDefinition']> {
    return { ...super.getDefinition(), VERTEX_SHADER_SOURCE: VERTEX_SHADER, FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER };
  }
}

export const EdgeDashedArrowProgram = createEdgeCompoundProgram([EdgeDashedLineProgram, EdgeArrowHeadProgram]);
