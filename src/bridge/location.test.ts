import assert from 'node:assert/strict';
import test from 'node:test';
import { resumablePage } from './location.ts';

const pages = ['modules/03-telephone.html', 'exam.html'];

test('resumablePage keeps a course page and a plain fragment', () => {
  assert.equal(resumablePage('modules/03-telephone.html', pages), 'modules/03-telephone.html');
  assert.equal(resumablePage('modules/03-telephone.html#s3-2', pages), 'modules/03-telephone.html#s3-2');
  assert.equal(resumablePage('exam.html#"><img>', pages), 'exam.html');
});

test('resumablePage drops anything the course did not build', () => {
  for (const hostile of [
    'javascript:alert(1)',
    'JavaScript:alert(1)//modules/03-telephone.html',
    '//evil.example/x.html',
    '../../x',
    '../modules/03-telephone.html',
    'https://evil.example/exam.html',
    '/exam.html',
    'modules/99-nothing.html',
    ' exam.html',
  ]) {
    assert.equal(resumablePage(hostile, pages), '', hostile);
  }
});
