import { createApp } from 'vue'
import App from './App.vue'
import { setCsrfToken, whenSessionLost } from './api'
import { lang } from './i18n'
import router from './router'
import { session } from './session'
import './style.css'

document.documentElement.lang = lang.value
// A session that ends under a page (12 hours, or a logout elsewhere) leads to the login, and back.
whenSessionLost(() => {
  session.me = null
  setCsrfToken('')
  const here = router.currentRoute.value
  if (here.path !== '/dang-nhap') router.push({ path: '/dang-nhap', query: { next: here.fullPath } })
})
createApp(App).use(router).mount('#app')
