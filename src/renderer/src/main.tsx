// The window's words first: every module below may translate at import time.
import './lib/i18n'
import './zodConfig'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Root } from './app/Root'
import { applyRememberedTheme } from './lib/theme'
import './styles/app.css'

applyRememberedTheme()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)
